// Where the console sends a user who signs out. Client-safe.
export { SIGN_IN_PATH } from "@/lib/auth/paths";
