// The contract's types, as everything above lib/im names them. The services themselves are built
// by lib/im/local (localServices) and lib/im/aws (awsServices); lib/bootstrap picks one for the
// configured backend.
import type { ContactsService, IncidentsService } from "./contract";

export type { ContactsService, IncidentsService } from "./contract";

/** Who is calling: the local model records them as createdBy / lastModifiedBy. */
export type Caller = { principalArn: string };

export type Services = { incidents: IncidentsService; contacts: ContactsService };
