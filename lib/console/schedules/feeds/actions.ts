"use server";
// Calendar feeds: make one (its URL shown once), revoke one. Any signed-in user may make a feed of
// their own shifts; a schedule's feed needs contacts.read, as reading the schedule does. A feed
// is always its maker's: it reads as them, and only they list or revoke it.
import { z } from "zod";
import { safeAction } from "@/lib/console/core/safe-action";
import { db } from "@/lib/db/client";
import { feedPath, type CreatedFeed, type FeedRow } from "./dto";
import { createFeed, revokeFeed } from "./feed-tokens";
import { scheduleArnOf } from "./shifts";

export const createMyFeedAction = safeAction({
  name: "createMyFeedAction",
  input: z.object({}),
  permission: "contacts.read",
  run: async (_, { user }): Promise<CreatedFeed> => {
    const { token, ...row } = await createFeed(db(), { userId: user.id, kind: "MINE" });
    return { ...row, path: feedPath(token) };
  },
});

export const createScheduleFeedAction = safeAction({
  name: "createScheduleFeedAction",
  input: z.object({ alias: z.string().min(1).max(255) }),
  permission: "contacts.read",
  run: async ({ alias }, ctx): Promise<CreatedFeed> => {
    const scheduleArn = await scheduleArnOf(ctx, alias);
    const { token, ...row } = await createFeed(db(), { userId: ctx.user.id, kind: "SCHEDULE", scheduleArn });
    return { ...row, path: feedPath(token) };
  },
});

export const revokeFeedAction = safeAction({
  name: "revokeFeedAction",
  input: z.object({ id: z.string().min(1).max(64) }),
  permission: "contacts.read",
  run: async ({ id }, { user }): Promise<FeedRow> => revokeFeed(db(), user.id, id),
});
