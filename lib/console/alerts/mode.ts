// Alert intake is a local-mode feature: the console receives alerts and starts incidents in its
// own model. An aws-mode console has no intake (its incidents start in AWS), so every alert and
// integration read and action refuses with the words the pages show.
import "server-only";
import { config } from "@/lib/config";
import { validation } from "@/lib/im/errors";
import { LOCAL_MODE_ONLY } from "./dto";

export function alertIntakeAvailable(): boolean {
  return config().backend === "local";
}

export function requireLocalMode(): void {
  if (!alertIntakeAvailable()) throw validation(LOCAL_MODE_ONLY);
}
