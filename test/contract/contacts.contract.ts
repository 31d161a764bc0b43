// The contract suite for ssm-contacts, written once against ContactsService and run three ways
// like the incidents suite: in-process, through the official SDK against the console's endpoint,
// and through the AWS backend pointed at that endpoint. Suites share a database (and in the
// endpoint ways a server): they use unique aliases and never assume they see only their own rows.
import { describe } from "vitest";
import type { ContactsService } from "@/lib/im/contract";
import { CONTACTS_SUITES } from "./contacts-suites";

export type ContactsTarget = {
  contacts: ContactsService;
  /** The ARN the service records for this caller. */
  principalArn: string;
  /**
   * What the notifier sent to an address since the suite began (activation codes, pages): the
   * outbox rows of the database behind the target. Tests read activation codes from here.
   */
  outbox(address: string): Promise<{ kind: string; channel: string; subject: string | null; body: string }[]>;
};

export function contactsContract(label: string, setup: () => Promise<ContactsTarget>) {
  describe(`ssm-contacts contract: ${label}`, () => {
    let t: ContactsTarget | undefined;
    const target = () => {
      if (!t) throw new Error("the target is not set up yet");
      return t;
    };
    // Each suite may call ensure() in its beforeAll: the target is set up once, on first use.
    let pending: Promise<ContactsTarget> | undefined;
    const ensure = async () => {
      pending ??= setup().then((x) => (t = x));
      return pending;
    };
    for (const suite of CONTACTS_SUITES) suite({ target, ensure });
  });
}
