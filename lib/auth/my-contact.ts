// Which ssm-contacts contact is the signed-in user: User.contactArn, a console setting each user
// chooses on the My pages screen. A link by hand rather than guessing (say, matching the user's
// e-mail to an activated EMAIL channel) because a contact may have several addresses, shared ones
// or none that is the console login; the console's own table holds it, so it works the same in
// aws mode, where the contacts live in AWS.
//
// The link decides what "addressed to me" means in the console (My pages, acknowledging a page
// from the incident page). It grants no new power: a responder may already AcceptPage any page
// through the API. It still keeps one contact to one user, so two people never share an inbox.
import "server-only";
import { db, type Db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { conflict, validation } from "@/lib/im/errors";
import type { SessionUser } from "./session";

export async function getMyContactArn(user: SessionUser): Promise<string | null> {
  const row = await db().user.findUnique({ where: { id: user.id }, select: { contactArn: true } });
  return row?.contactArn ?? null;
}

/** Links (or, with null, unlinks) the user's contact; a contact another user has linked is a ConflictException. */
export async function setMyContactArn(user: SessionUser, contactArn: string | null): Promise<void> {
  await setUserContactArn(db(), user.id, contactArn);
}

/**
 * The same rule for any user (an admin linking a user in Settings → Users). The unique index on
 * User.contactArn decides, so two links racing for one contact cannot both win; the loser is told
 * who holds it.
 */
export async function setUserContactArn(database: Db, userId: string, contactArn: string | null): Promise<void> {
  const exists = await database.user.findUnique({ where: { id: userId }, select: { id: true } });
  if (!exists) throw validation(`User ${userId} does not exist`);
  try {
    await database.user.update({ where: { id: userId }, data: { contactArn } });
  } catch (e) {
    if (!contactArn || !isUniqueViolation(e, "contactArn")) throw e;
    const holder = await database.user.findUnique({ where: { contactArn }, select: { name: true, email: true } });
    throw conflict(
      "CONTACT",
      contactArn,
      holder
        ? `This contact is already linked to ${holder.name} (${holder.email}): a contact links to one console user.`
        : "Another console user has just linked this contact: a contact links to one console user.",
    );
  }
}
