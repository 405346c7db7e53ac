import type { UserRole } from '../db/schema';

// How the provider's groups become our roles: pure, so it is tested without a provider.

export type RoleMapping = { roleClaim?: string; adminValues: string[]; agentValues: string[] };

/** The claim's values: a string, a list of strings, or a space- or comma-separated string. */
function claimValues(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  if (typeof value === 'string') return value.split(/[\s,]+/).filter(Boolean);
  return [];
}

/**
 * The role the claims give, admin before agent before requester; null when no role claim is set
 * up (then sign-in never changes a role). Values compare exactly: groups are names, not text.
 */
export function roleFromClaims(claims: Record<string, unknown>, mapping: RoleMapping): UserRole | null {
  if (!mapping.roleClaim) return null;
  const values = new Set(claimValues(claims[mapping.roleClaim]));
  if (mapping.adminValues.some((value) => values.has(value))) return 'admin';
  if (mapping.agentValues.some((value) => values.has(value))) return 'agent';
  return 'requester';
}
