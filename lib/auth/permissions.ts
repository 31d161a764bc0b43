// The one permission map. Every page, route handler, server action and wire request checks a
// permission here, on the server, failing closed.
import type { ServiceId } from "@/lib/im/model";

export const ROLES = ["admin", "responder", "viewer"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  "incidents.read": ["admin", "responder", "viewer"],
  "incidents.write": ["admin", "responder"],
  "plans.read": ["admin", "responder", "viewer"],
  "plans.write": ["admin", "responder"],
  "contacts.read": ["admin", "responder", "viewer"],
  "contacts.write": ["admin", "responder"],
  "settings.read": ["admin"],
  "settings.write": ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export function can(role: Role | undefined | null, permission: Permission): boolean {
  if (!role) return false;
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** The roles that hold a permission, in the map's order (the pages that refuse a role name them). */
export function rolesWith(permission: Permission): readonly Role[] {
  return PERMISSIONS[permission];
}

const READ_PREFIXES = ["Get", "List", "Describe", "BatchGet"];
// Operations that change the account's set-up rather than incidents: admins only.
const SETTINGS_OPERATIONS = new Set([
  "CreateReplicationSet",
  "UpdateReplicationSet",
  "DeleteReplicationSet",
  "UpdateDeletionProtection",
  "PutResourcePolicy",
  "DeleteResourcePolicy",
  "PutContactPolicy",
]);
const PLAN_OPERATIONS = new Set(["CreateResponsePlan", "UpdateResponsePlan", "DeleteResponsePlan"]);

/** The permission an AWS API operation needs (used for SigV4 callers and console actions alike). */
export function permissionForOperation(service: ServiceId, operation: string): Permission {
  const read = READ_PREFIXES.some((p) => operation.startsWith(p));
  if (SETTINGS_OPERATIONS.has(operation)) return "settings.write";
  if (service === "ssm-contacts") return read ? "contacts.read" : "contacts.write";
  if (PLAN_OPERATIONS.has(operation)) return "plans.write";
  if (operation === "GetResourcePolicies") return "settings.read";
  return read ? "incidents.read" : "incidents.write";
}

/**
 * The permission needed to change a resource named by its ARN (TagResource and UntagResource
 * take any resource): the same right as changing the resource itself, wherever the change comes
 * from — an incident's tags need incidents.write, a response plan's plans.write, the replication
 * set's (and anything unrecognised) settings.write; a contact's or escalation plan's contacts.write.
 */
export function permissionForResource(service: ServiceId, resourceArn: string): Permission {
  if (service === "ssm-contacts") return "contacts.write";
  const type = /^arn:[^:]*:ssm-incidents:[^:]*:[^:]*:([a-z-]+)\//.exec(resourceArn)?.[1];
  if (type === "incident-record") return "incidents.write";
  if (type === "response-plan") return "plans.write";
  return "settings.write";
}
