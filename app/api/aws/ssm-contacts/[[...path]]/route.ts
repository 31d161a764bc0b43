// ssm-contacts over awsJson1_1: POST /api/aws/ssm-contacts with X-Amz-Target. An optional
// catch-all, so the SDK's `<endpoint>/` (trailing slash) reaches the same handler as the bare path
// whether or not Next strips the slash; deeper paths are answered UnknownOperationException.
import { wireRouteHandler } from "@/lib/wire/route";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const handle = wireRouteHandler("ssm-contacts");

export const GET = handle;
export const POST = handle;
export const PUT = handle;
export const DELETE = handle;
export const PATCH = handle;
