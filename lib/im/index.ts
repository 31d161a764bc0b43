// The contract's types, as everything above lib/im names them. The services themselves are built
// by lib/im/local (localServices) and lib/im/aws (awsServices); lib/bootstrap picks one for the
// configured backend.
import type { ContactsService, IncidentsService } from "./contract";

export type { ContactsService, IncidentsService } from "./contract";

/** Who is calling: the local model records them as createdBy / lastModifiedBy. */
export type Caller = { principalArn: string };

/** Who wrote a person's timeline event and who last edited it, when (principal ARNs). */
export type EventAuthorship = { createdBy?: string; updatedBy?: string; updatedAt?: Date };

/**
 * Who wrote what on an incident's timeline (issue 16). AWS's timeline events carry no author, so
 * this is kept beside the contract: the local model records it with every event it writes, for
 * every caller (console users and API keys alike); a console in aws mode records it in its own
 * database for the events written through it.
 */
export interface TimelineAuthors {
  /** What is known of these events of the incident, by event id; events with nothing known are left out. */
  read(incidentRecordArn: string, eventIds: string[]): Promise<Map<string, EventAuthorship>>;
  /** Call after the caller created or updated the event through these services' contract. */
  wrote(incidentRecordArn: string, eventId: string, write: "created" | "updated"): Promise<void>;
  /** Call after the caller deleted the event. */
  deleted(incidentRecordArn: string, eventId: string): Promise<void>;
}

export type Services = { incidents: IncidentsService; contacts: ContactsService; timelineAuthors: TimelineAuthors };
