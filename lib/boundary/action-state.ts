// Shared by server actions and the client forms that show their results.
export type ActionState = {
  status: 'idle' | 'error' | 'success';
  message?: string;
  fieldErrors?: Record<string, string>;
  values?: Record<string, string>;
  /** The session ended while the form was open: the form offers a way to sign in and keeps its values. */
  sessionEnded?: true;
};

export const idleState: ActionState = { status: 'idle' };
