/** Who acts: the signed-in member in team mode, the local user in solo mode. */
export type Role = 'owner' | 'manager' | 'member';

export interface Principal {
  /** A stable user id ('local' in solo mode). */
  userId: string;
  displayName: string;
  role: Role;
}

/** The one local user of solo mode: owns everything. */
export const SOLO_PRINCIPAL: Principal = { userId: 'local', displayName: 'You', role: 'owner' };
