"use client";
// A schedule's calendar feeds and shift export, for the schedule's page.
import { Container } from "@/components/ui/container";
import { CalendarFeeds } from "./calendar-feeds";
import { ExportShiftsForm } from "./export-shifts-form";

export function ScheduleFeeds({ alias }: { alias: string }) {
  return (
    <Container header="Calendar feed and export" description="Subscribe to this schedule's shifts in a calendar app, or export them for on-call pay.">
      <div className="space-y-6">
        <CalendarFeeds scope={{ kind: "SCHEDULE", alias }} />
        <ExportShiftsForm scope={{ kind: "SCHEDULE", alias }} />
      </div>
    </Container>
  );
}

/** The same for the signed-in user's own shifts, on My pages. */
export function MyShiftFeeds() {
  return (
    <Container header="Calendar feed" description="Your on-call shifts, in every schedule, in your calendar app — or exported for on-call pay.">
      <div className="space-y-6">
        <CalendarFeeds scope={{ kind: "MINE" }} />
        <ExportShiftsForm scope={{ kind: "MINE" }} />
      </div>
    </Container>
  );
}
