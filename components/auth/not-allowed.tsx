import { Alert } from "@/components/ui/alert";
import { rolesWith, type Permission, type Role } from "@/lib/auth/permissions";

const PLURAL: Record<Role, string> = { admin: "admins", responder: "responders", viewer: "viewers" };

function list(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}

/**
 * A page the signed-in role may not use, said in words: what they can't do, why (their role), and
 * who can, instead of the API's exception name. The server refuses the action anyway.
 */
export function NotAllowed({ role, permission, action }: { role: Role; permission: Permission; action: string }) {
  const who = list(rolesWith(permission).map((r) => PLURAL[r]));
  return (
    <Alert type="warning" header={`Your role can't ${action}`}>
      <p>
        You are signed in with the <span className="font-bold">{role}</span> role, which can&apos;t {action}. Only {who} can: ask one of
        them to do it, or ask an admin to change your role.
      </p>
    </Alert>
  );
}
