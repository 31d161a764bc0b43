"use client";
// The incident's timeline in react-query, and its edits as optimistic mutations: the list changes
// at once, rolls back if the server refuses, and is refetched either way (cancel → snapshot → set
// → rollback → invalidate).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { createTimelineEventAction } from "@/lib/console/timeline/actions";
import { deleteTimelineEventAction } from "@/lib/console/timeline/actions";
import type { TimelineEventActionValues } from "@/lib/console/timeline/schemas";
import { updateTimelineEventAction } from "@/lib/console/timeline/actions";
import { readJson, unwrap } from "@/lib/console/core/errors";
import { byEventTime, encodeEventText, type TimelineEventDto } from "@/lib/console/timeline/dto";
import { timelineKeys } from "@/lib/console/timeline/keys";

export function useTimeline(arn: string) {
  return useQuery({
    queryKey: timelineKeys.incident(arn),
    queryFn: () => readJson<TimelineEventDto[]>(`/api/incidents/timeline?arn=${encodeURIComponent(arn)}`),
    // Kept current by components/live/live-updates.tsx (pushed in local mode, polled in aws mode).
  });
}

/** Marks events shown before the server confirmed them. */
export const PENDING_ID_PREFIX = "pending-";

/**
 * The event as it will be, until the server answers: a new one at the time chosen (or now, as
 * the server will stamp it) and last among events of its time, where the server puts it.
 */
function optimisticEvent(v: TimelineEventActionValues, id: string): TimelineEventDto {
  const now = new Date().toISOString();
  return { id, time: v.eventTime ?? now, updatedTime: now, type: v.eventType, data: encodeEventText(v.text.trim()), references: [], order: Number.MAX_SAFE_INTEGER };
}

type Snapshot = { previous?: TimelineEventDto[] };

function useTimelineMutation<V>(arn: string, mutationFn: (v: V) => Promise<unknown>, apply: (events: TimelineEventDto[], v: V) => TimelineEventDto[]) {
  const queryClient = useQueryClient();
  const key = timelineKeys.incident(arn);
  return useMutation<unknown, Error, V, Snapshot>({
    mutationFn,
    onMutate: async (v) => {
      // A poll landing now would overwrite the optimistic list with the old one.
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<TimelineEventDto[]>(key);
      queryClient.setQueryData<TimelineEventDto[]>(key, (events) => apply(events ?? [], v).sort(byEventTime));
      return { previous };
    },
    onError: (_e, _v, snapshot) => {
      if (snapshot?.previous) queryClient.setQueryData(key, snapshot.previous);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}

export function useCreateTimelineEvent(arn: string) {
  return useTimelineMutation<TimelineEventActionValues>(
    arn,
    (v) => unwrap(() => createTimelineEventAction(v)),
    (events, v) => [...events, optimisticEvent(v, `${PENDING_ID_PREFIX}${Date.now()}`)],
  );
}

export function useUpdateTimelineEvent(arn: string) {
  return useTimelineMutation<TimelineEventActionValues>(
    arn,
    (v) => unwrap(() => updateTimelineEventAction(v)),
    (events, v) => events.map((e) => (e.id === v.eventId ? { ...e, ...optimisticEvent(v, e.id), time: v.eventTime ?? e.time, references: e.references, order: e.order } : e)),
  );
}

export function useDeleteTimelineEvent(arn: string) {
  return useTimelineMutation<{ arn: string; eventId: string }>(
    arn,
    (v) => unwrap(() => deleteTimelineEventAction(v)),
    (events, v) => events.filter((e) => e.id !== v.eventId),
  );
}
