// Shared by server actions and the client forms that show their results.
export type ActionState = {
  status: 'idle' | 'error' | 'success';
  message?: string;
  fieldErrors?: Record<string, string>;
  values?: Record<string, string>;
};

export const idleState: ActionState = { status: 'idle' };
