// The ssm-contacts contract over the real AWS API, through the official SDK v3 client. Every
// operation is one SDK call (awsCall, ./errors.ts: SDK errors become the console error model).
import type * as C from "@aws-sdk/client-ssm-contacts";
import type { ContactsService } from "../contract";
import { awsCall } from "./errors";

export class AwsContacts implements ContactsService {
  constructor(private readonly client: C.SSMContacts) {}

  private call = awsCall;

  acceptPage(input: C.AcceptPageCommandInput) {
    return this.call(() => this.client.acceptPage(input));
  }

  activateContactChannel(input: C.ActivateContactChannelCommandInput) {
    return this.call(() => this.client.activateContactChannel(input));
  }

  createContact(input: C.CreateContactCommandInput) {
    return this.call(() => this.client.createContact(input));
  }

  createContactChannel(input: C.CreateContactChannelCommandInput) {
    return this.call(() => this.client.createContactChannel(input));
  }

  createRotation(input: C.CreateRotationCommandInput) {
    return this.call(() => this.client.createRotation(input));
  }

  createRotationOverride(input: C.CreateRotationOverrideCommandInput) {
    return this.call(() => this.client.createRotationOverride(input));
  }

  deactivateContactChannel(input: C.DeactivateContactChannelCommandInput) {
    return this.call(() => this.client.deactivateContactChannel(input));
  }

  deleteContact(input: C.DeleteContactCommandInput) {
    return this.call(() => this.client.deleteContact(input));
  }

  deleteContactChannel(input: C.DeleteContactChannelCommandInput) {
    return this.call(() => this.client.deleteContactChannel(input));
  }

  deleteRotation(input: C.DeleteRotationCommandInput) {
    return this.call(() => this.client.deleteRotation(input));
  }

  deleteRotationOverride(input: C.DeleteRotationOverrideCommandInput) {
    return this.call(() => this.client.deleteRotationOverride(input));
  }

  describeEngagement(input: C.DescribeEngagementCommandInput) {
    return this.call(() => this.client.describeEngagement(input));
  }

  describePage(input: C.DescribePageCommandInput) {
    return this.call(() => this.client.describePage(input));
  }

  getContact(input: C.GetContactCommandInput) {
    return this.call(() => this.client.getContact(input));
  }

  getContactChannel(input: C.GetContactChannelCommandInput) {
    return this.call(() => this.client.getContactChannel(input));
  }

  getContactPolicy(input: C.GetContactPolicyCommandInput) {
    return this.call(() => this.client.getContactPolicy(input));
  }

  getRotation(input: C.GetRotationCommandInput) {
    return this.call(() => this.client.getRotation(input));
  }

  getRotationOverride(input: C.GetRotationOverrideCommandInput) {
    return this.call(() => this.client.getRotationOverride(input));
  }

  listContactChannels(input: C.ListContactChannelsCommandInput) {
    return this.call(() => this.client.listContactChannels(input));
  }

  listContacts(input: C.ListContactsCommandInput) {
    return this.call(() => this.client.listContacts(input));
  }

  listEngagements(input: C.ListEngagementsCommandInput) {
    return this.call(() => this.client.listEngagements(input));
  }

  listPageReceipts(input: C.ListPageReceiptsCommandInput) {
    return this.call(() => this.client.listPageReceipts(input));
  }

  listPageResolutions(input: C.ListPageResolutionsCommandInput) {
    return this.call(() => this.client.listPageResolutions(input));
  }

  listPagesByContact(input: C.ListPagesByContactCommandInput) {
    return this.call(() => this.client.listPagesByContact(input));
  }

  listPagesByEngagement(input: C.ListPagesByEngagementCommandInput) {
    return this.call(() => this.client.listPagesByEngagement(input));
  }

  listPreviewRotationShifts(input: C.ListPreviewRotationShiftsCommandInput) {
    return this.call(() => this.client.listPreviewRotationShifts(input));
  }

  listRotationOverrides(input: C.ListRotationOverridesCommandInput) {
    return this.call(() => this.client.listRotationOverrides(input));
  }

  listRotationShifts(input: C.ListRotationShiftsCommandInput) {
    return this.call(() => this.client.listRotationShifts(input));
  }

  listRotations(input: C.ListRotationsCommandInput) {
    return this.call(() => this.client.listRotations(input));
  }

  listTagsForResource(input: C.ListTagsForResourceCommandInput) {
    return this.call(() => this.client.listTagsForResource(input));
  }

  putContactPolicy(input: C.PutContactPolicyCommandInput) {
    return this.call(() => this.client.putContactPolicy(input));
  }

  sendActivationCode(input: C.SendActivationCodeCommandInput) {
    return this.call(() => this.client.sendActivationCode(input));
  }

  startEngagement(input: C.StartEngagementCommandInput) {
    return this.call(() => this.client.startEngagement(input));
  }

  stopEngagement(input: C.StopEngagementCommandInput) {
    return this.call(() => this.client.stopEngagement(input));
  }

  tagResource(input: C.TagResourceCommandInput) {
    return this.call(() => this.client.tagResource(input));
  }

  untagResource(input: C.UntagResourceCommandInput) {
    return this.call(() => this.client.untagResource(input));
  }

  updateContact(input: C.UpdateContactCommandInput) {
    return this.call(() => this.client.updateContact(input));
  }

  updateContactChannel(input: C.UpdateContactChannelCommandInput) {
    return this.call(() => this.client.updateContactChannel(input));
  }

  updateRotation(input: C.UpdateRotationCommandInput) {
    return this.call(() => this.client.updateRotation(input));
  }
}
