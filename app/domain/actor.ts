// Who is acting, and in which capacity within one municipality. Built once per request from
// the session and the membership; policies decide on it alone.
export const ROLES = ["admin", "coordinator", "goal_coordinator", "partner", "viewer"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: "administrator",
  coordinator: "koordynator strategii",
  goal_coordinator: "koordynator celu",
  partner: "realizator",
  viewer: "odczyt",
};

export type Actor = {
  userId: string;
  name: string;
  isSystemAdmin: boolean;
  /** The membership in the tenant being accessed; null when the user has none there. */
  membership: {
    tenantId: string;
    role: Role;
    institutionId: string | null;
    goalIds: string[];
  } | null;
};

/** The command line: a system administrator without a user account (audited as "system"). */
export const SYSTEM_ACTOR: Actor = {
  userId: "",
  name: "system",
  isSystemAdmin: true,
  membership: null,
};
