// ssm-incidents over restJson1: every operation's path under /api/aws/ssm-incidents
// (DESIGN.md, "The AWS-compatible endpoints"). The handler reads the raw, still percent-encoded
// path from request.url, so route params are not used.
import { wireRouteHandler } from "@/lib/wire/route";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const handle = wireRouteHandler("ssm-incidents");

export const GET = handle;
export const POST = handle;
export const PUT = handle;
export const DELETE = handle;
export const PATCH = handle;
