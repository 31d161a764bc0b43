// The ssm-incidents contract over the real AWS API, through the official SDK v3 client. Every
// operation is one SDK call (awsCall, ./errors.ts: SDK errors become the console error model).
import type * as I from "@aws-sdk/client-ssm-incidents";
import type { IncidentsService } from "../contract";
import { awsCall } from "./errors";

export class AwsIncidents implements IncidentsService {
  constructor(private readonly client: I.SSMIncidents) {}

  private call = awsCall;

  batchGetIncidentFindings(input: I.BatchGetIncidentFindingsCommandInput) {
    return this.call(() => this.client.batchGetIncidentFindings(input));
  }

  createReplicationSet(input: I.CreateReplicationSetCommandInput) {
    return this.call(() => this.client.createReplicationSet(input));
  }

  createResponsePlan(input: I.CreateResponsePlanCommandInput) {
    return this.call(() => this.client.createResponsePlan(input));
  }

  createTimelineEvent(input: I.CreateTimelineEventCommandInput) {
    return this.call(() => this.client.createTimelineEvent(input));
  }

  deleteIncidentRecord(input: I.DeleteIncidentRecordCommandInput) {
    return this.call(() => this.client.deleteIncidentRecord(input));
  }

  deleteReplicationSet(input: I.DeleteReplicationSetCommandInput) {
    return this.call(() => this.client.deleteReplicationSet(input));
  }

  deleteResourcePolicy(input: I.DeleteResourcePolicyCommandInput) {
    return this.call(() => this.client.deleteResourcePolicy(input));
  }

  deleteResponsePlan(input: I.DeleteResponsePlanCommandInput) {
    return this.call(() => this.client.deleteResponsePlan(input));
  }

  deleteTimelineEvent(input: I.DeleteTimelineEventCommandInput) {
    return this.call(() => this.client.deleteTimelineEvent(input));
  }

  getIncidentRecord(input: I.GetIncidentRecordCommandInput) {
    return this.call(() => this.client.getIncidentRecord(input));
  }

  getReplicationSet(input: I.GetReplicationSetCommandInput) {
    return this.call(() => this.client.getReplicationSet(input));
  }

  getResourcePolicies(input: I.GetResourcePoliciesCommandInput) {
    return this.call(() => this.client.getResourcePolicies(input));
  }

  getResponsePlan(input: I.GetResponsePlanCommandInput) {
    return this.call(() => this.client.getResponsePlan(input));
  }

  getTimelineEvent(input: I.GetTimelineEventCommandInput) {
    return this.call(() => this.client.getTimelineEvent(input));
  }

  listIncidentFindings(input: I.ListIncidentFindingsCommandInput) {
    return this.call(() => this.client.listIncidentFindings(input));
  }

  listIncidentRecords(input: I.ListIncidentRecordsCommandInput) {
    return this.call(() => this.client.listIncidentRecords(input));
  }

  listRelatedItems(input: I.ListRelatedItemsCommandInput) {
    return this.call(() => this.client.listRelatedItems(input));
  }

  listReplicationSets(input: I.ListReplicationSetsCommandInput) {
    return this.call(() => this.client.listReplicationSets(input));
  }

  listResponsePlans(input: I.ListResponsePlansCommandInput) {
    return this.call(() => this.client.listResponsePlans(input));
  }

  listTagsForResource(input: I.ListTagsForResourceCommandInput) {
    return this.call(() => this.client.listTagsForResource(input));
  }

  listTimelineEvents(input: I.ListTimelineEventsCommandInput) {
    return this.call(() => this.client.listTimelineEvents(input));
  }

  putResourcePolicy(input: I.PutResourcePolicyCommandInput) {
    return this.call(() => this.client.putResourcePolicy(input));
  }

  startIncident(input: I.StartIncidentCommandInput) {
    return this.call(() => this.client.startIncident(input));
  }

  tagResource(input: I.TagResourceCommandInput) {
    return this.call(() => this.client.tagResource(input));
  }

  untagResource(input: I.UntagResourceCommandInput) {
    return this.call(() => this.client.untagResource(input));
  }

  updateDeletionProtection(input: I.UpdateDeletionProtectionCommandInput) {
    return this.call(() => this.client.updateDeletionProtection(input));
  }

  updateIncidentRecord(input: I.UpdateIncidentRecordCommandInput) {
    return this.call(() => this.client.updateIncidentRecord(input));
  }

  updateRelatedItems(input: I.UpdateRelatedItemsCommandInput) {
    return this.call(() => this.client.updateRelatedItems(input));
  }

  updateReplicationSet(input: I.UpdateReplicationSetCommandInput) {
    return this.call(() => this.client.updateReplicationSet(input));
  }

  updateResponsePlan(input: I.UpdateResponsePlanCommandInput) {
    return this.call(() => this.client.updateResponsePlan(input));
  }

  updateTimelineEvent(input: I.UpdateTimelineEventCommandInput) {
    return this.call(() => this.client.updateTimelineEvent(input));
  }
}
