// The <option>s of a role <select> (admin, responder, viewer): users and API keys both have one.
import { ROLES } from "@/lib/auth/permissions";

export function RoleOptions() {
  return ROLES.map((r) => (
    <option key={r} value={r}>
      {r}
    </option>
  ));
}
