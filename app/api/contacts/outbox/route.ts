// GET /api/contacts/outbox?channelArn=...: where the channel's activation codes went (local mode).
import type { NextRequest } from "next/server";
import { channelOutbox } from "@/lib/console/contacts/queries";
import { toResponse } from "@/lib/console/core/http";

export async function GET(req: NextRequest) {
  const channelArn = req.nextUrl.searchParams.get("channelArn");
  if (!channelArn) return Response.json({ name: "ValidationException", message: "channelArn is required" }, { status: 400 });
  return toResponse(await channelOutbox(channelArn));
}
