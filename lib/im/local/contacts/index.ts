// The local ssm-contacts model: validates every input against the service model, then runs the
// operation on the database. Every operation of the service is here.
import type * as C from "@aws-sdk/client-ssm-contacts";
import type { ContactsService, Out } from "../../contract";
import { validateInput } from "../../model/validate";
import type { LocalContext } from "../context";
import { createContact, deleteContact, getContact, listContacts, updateContact } from "./contacts";
import { activateContactChannel, createContactChannel, deactivateContactChannel, deleteContactChannel, getContactChannel, listContactChannels, sendActivationCode, updateContactChannel } from "./channels";
import { getContactPolicy, listTagsForResource, putContactPolicy, tagResource, untagResource } from "./policies-tags";
import { describeEngagement, listEngagements, startEngagement, stopEngagement } from "./engagements";
import { acceptPage, describePage, listPageReceipts, listPageResolutions, listPagesByContact, listPagesByEngagement } from "./pages";
import {
  createRotation,
  createRotationOverride,
  deleteRotation,
  deleteRotationOverride,
  getRotation,
  getRotationOverride,
  listPreviewRotationShifts,
  listRotationOverrides,
  listRotations,
  listRotationShifts,
  updateRotation,
} from "./rotations";

export class LocalContacts implements ContactsService {
  constructor(readonly ctx: LocalContext) {}

  private async run<T>(operation: string, input: object, work: () => Promise<T>): Promise<T> {
    validateInput("ssm-contacts", operation, input);
    return work();
  }

  acceptPage(input: C.AcceptPageCommandInput): Promise<Out<C.AcceptPageCommandOutput>> {
    return this.run("AcceptPage", input, () => acceptPage(this.ctx, input));
  }

  activateContactChannel(input: C.ActivateContactChannelCommandInput): Promise<Out<C.ActivateContactChannelCommandOutput>> {
    return this.run("ActivateContactChannel", input, () => activateContactChannel(this.ctx, input));
  }

  createContact(input: C.CreateContactCommandInput): Promise<Out<C.CreateContactCommandOutput>> {
    return this.run("CreateContact", input, () => createContact(this.ctx, input));
  }

  createContactChannel(input: C.CreateContactChannelCommandInput): Promise<Out<C.CreateContactChannelCommandOutput>> {
    return this.run("CreateContactChannel", input, () => createContactChannel(this.ctx, input));
  }

  createRotation(input: C.CreateRotationCommandInput): Promise<Out<C.CreateRotationCommandOutput>> {
    return this.run("CreateRotation", input, () => createRotation(this.ctx, input));
  }

  createRotationOverride(input: C.CreateRotationOverrideCommandInput): Promise<Out<C.CreateRotationOverrideCommandOutput>> {
    return this.run("CreateRotationOverride", input, () => createRotationOverride(this.ctx, input));
  }

  deactivateContactChannel(input: C.DeactivateContactChannelCommandInput): Promise<Out<C.DeactivateContactChannelCommandOutput>> {
    return this.run("DeactivateContactChannel", input, () => deactivateContactChannel(this.ctx, input));
  }

  deleteContact(input: C.DeleteContactCommandInput): Promise<Out<C.DeleteContactCommandOutput>> {
    return this.run("DeleteContact", input, () => deleteContact(this.ctx, input));
  }

  deleteContactChannel(input: C.DeleteContactChannelCommandInput): Promise<Out<C.DeleteContactChannelCommandOutput>> {
    return this.run("DeleteContactChannel", input, () => deleteContactChannel(this.ctx, input));
  }

  deleteRotation(input: C.DeleteRotationCommandInput): Promise<Out<C.DeleteRotationCommandOutput>> {
    return this.run("DeleteRotation", input, () => deleteRotation(this.ctx, input));
  }

  deleteRotationOverride(input: C.DeleteRotationOverrideCommandInput): Promise<Out<C.DeleteRotationOverrideCommandOutput>> {
    return this.run("DeleteRotationOverride", input, () => deleteRotationOverride(this.ctx, input));
  }

  describeEngagement(input: C.DescribeEngagementCommandInput): Promise<Out<C.DescribeEngagementCommandOutput>> {
    return this.run("DescribeEngagement", input, () => describeEngagement(this.ctx, input));
  }

  describePage(input: C.DescribePageCommandInput): Promise<Out<C.DescribePageCommandOutput>> {
    return this.run("DescribePage", input, () => describePage(this.ctx, input));
  }

  getContact(input: C.GetContactCommandInput): Promise<Out<C.GetContactCommandOutput>> {
    return this.run("GetContact", input, () => getContact(this.ctx, input));
  }

  getContactChannel(input: C.GetContactChannelCommandInput): Promise<Out<C.GetContactChannelCommandOutput>> {
    return this.run("GetContactChannel", input, () => getContactChannel(this.ctx, input));
  }

  getContactPolicy(input: C.GetContactPolicyCommandInput): Promise<Out<C.GetContactPolicyCommandOutput>> {
    return this.run("GetContactPolicy", input, () => getContactPolicy(this.ctx, input));
  }

  getRotation(input: C.GetRotationCommandInput): Promise<Out<C.GetRotationCommandOutput>> {
    return this.run("GetRotation", input, () => getRotation(this.ctx, input));
  }

  getRotationOverride(input: C.GetRotationOverrideCommandInput): Promise<Out<C.GetRotationOverrideCommandOutput>> {
    return this.run("GetRotationOverride", input, () => getRotationOverride(this.ctx, input));
  }

  listContactChannels(input: C.ListContactChannelsCommandInput): Promise<Out<C.ListContactChannelsCommandOutput>> {
    return this.run("ListContactChannels", input, () => listContactChannels(this.ctx, input));
  }

  listContacts(input: C.ListContactsCommandInput): Promise<Out<C.ListContactsCommandOutput>> {
    return this.run("ListContacts", input, () => listContacts(this.ctx, input));
  }

  listEngagements(input: C.ListEngagementsCommandInput): Promise<Out<C.ListEngagementsCommandOutput>> {
    return this.run("ListEngagements", input, () => listEngagements(this.ctx, input));
  }

  listPageReceipts(input: C.ListPageReceiptsCommandInput): Promise<Out<C.ListPageReceiptsCommandOutput>> {
    return this.run("ListPageReceipts", input, () => listPageReceipts(this.ctx, input));
  }

  listPageResolutions(input: C.ListPageResolutionsCommandInput): Promise<Out<C.ListPageResolutionsCommandOutput>> {
    return this.run("ListPageResolutions", input, () => listPageResolutions(this.ctx, input));
  }

  listPagesByContact(input: C.ListPagesByContactCommandInput): Promise<Out<C.ListPagesByContactCommandOutput>> {
    return this.run("ListPagesByContact", input, () => listPagesByContact(this.ctx, input));
  }

  listPagesByEngagement(input: C.ListPagesByEngagementCommandInput): Promise<Out<C.ListPagesByEngagementCommandOutput>> {
    return this.run("ListPagesByEngagement", input, () => listPagesByEngagement(this.ctx, input));
  }

  listPreviewRotationShifts(input: C.ListPreviewRotationShiftsCommandInput): Promise<Out<C.ListPreviewRotationShiftsCommandOutput>> {
    return this.run("ListPreviewRotationShifts", input, () => listPreviewRotationShifts(this.ctx, input));
  }

  listRotationOverrides(input: C.ListRotationOverridesCommandInput): Promise<Out<C.ListRotationOverridesCommandOutput>> {
    return this.run("ListRotationOverrides", input, () => listRotationOverrides(this.ctx, input));
  }

  listRotationShifts(input: C.ListRotationShiftsCommandInput): Promise<Out<C.ListRotationShiftsCommandOutput>> {
    return this.run("ListRotationShifts", input, () => listRotationShifts(this.ctx, input));
  }

  listRotations(input: C.ListRotationsCommandInput): Promise<Out<C.ListRotationsCommandOutput>> {
    return this.run("ListRotations", input, () => listRotations(this.ctx, input));
  }

  listTagsForResource(input: C.ListTagsForResourceCommandInput): Promise<Out<C.ListTagsForResourceCommandOutput>> {
    return this.run("ListTagsForResource", input, () => listTagsForResource(this.ctx, input));
  }

  putContactPolicy(input: C.PutContactPolicyCommandInput): Promise<Out<C.PutContactPolicyCommandOutput>> {
    return this.run("PutContactPolicy", input, () => putContactPolicy(this.ctx, input));
  }

  sendActivationCode(input: C.SendActivationCodeCommandInput): Promise<Out<C.SendActivationCodeCommandOutput>> {
    return this.run("SendActivationCode", input, () => sendActivationCode(this.ctx, input));
  }

  startEngagement(input: C.StartEngagementCommandInput): Promise<Out<C.StartEngagementCommandOutput>> {
    return this.run("StartEngagement", input, () => startEngagement(this.ctx, input));
  }

  stopEngagement(input: C.StopEngagementCommandInput): Promise<Out<C.StopEngagementCommandOutput>> {
    return this.run("StopEngagement", input, () => stopEngagement(this.ctx, input));
  }

  tagResource(input: C.TagResourceCommandInput): Promise<Out<C.TagResourceCommandOutput>> {
    return this.run("TagResource", input, () => tagResource(this.ctx, input));
  }

  untagResource(input: C.UntagResourceCommandInput): Promise<Out<C.UntagResourceCommandOutput>> {
    return this.run("UntagResource", input, () => untagResource(this.ctx, input));
  }

  updateContact(input: C.UpdateContactCommandInput): Promise<Out<C.UpdateContactCommandOutput>> {
    return this.run("UpdateContact", input, () => updateContact(this.ctx, input));
  }

  updateContactChannel(input: C.UpdateContactChannelCommandInput): Promise<Out<C.UpdateContactChannelCommandOutput>> {
    return this.run("UpdateContactChannel", input, () => updateContactChannel(this.ctx, input));
  }

  updateRotation(input: C.UpdateRotationCommandInput): Promise<Out<C.UpdateRotationCommandOutput>> {
    return this.run("UpdateRotation", input, () => updateRotation(this.ctx, input));
  }
}
