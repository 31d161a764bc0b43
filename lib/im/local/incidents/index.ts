// The local ssm-incidents model: validates every input against the service model, then runs the
// operation on the database.
import type * as I from "@aws-sdk/client-ssm-incidents";
import type { IncidentsService, Out } from "../../contract";
import { validateInput } from "../../model/validate";
import type { LocalContext } from "../context";
import { deleteIncidentRecord, getIncidentRecord, listIncidentRecords, startIncident, updateIncidentRecord } from "./incident-records";
import {
  createReplicationSet,
  deleteReplicationSet,
  getReplicationSet,
  listReplicationSets,
  updateDeletionProtection,
  updateReplicationSet,
} from "./replication-set";
import { createResponsePlan, deleteResponsePlan, getResponsePlan, listResponsePlans, updateResponsePlan } from "./response-plans";
import { batchGetIncidentFindings, listIncidentFindings } from "./findings";
import { listRelatedItems, updateRelatedItems } from "./related-items";
import { deleteResourcePolicy, getResourcePolicies, putResourcePolicy } from "./resource-policies";
import { listTagsForResource, tagResource, untagResource } from "./tags";
import {
  createTimelineEvent,
  deleteTimelineEvent,
  getTimelineEvent,
  listTimelineEvents,
  updateTimelineEvent,
} from "./timeline-events";

export class LocalIncidents implements IncidentsService {
  constructor(private readonly ctx: LocalContext) {}

  private async run<T>(operation: string, input: object, work: () => Promise<T>): Promise<T> {
    validateInput("ssm-incidents", operation, input);
    return work();
  }

  batchGetIncidentFindings(input: I.BatchGetIncidentFindingsCommandInput): Promise<Out<I.BatchGetIncidentFindingsCommandOutput>> {
    return this.run("BatchGetIncidentFindings", input, () => batchGetIncidentFindings(this.ctx, input));
  }

  createReplicationSet(input: I.CreateReplicationSetCommandInput): Promise<Out<I.CreateReplicationSetCommandOutput>> {
    return this.run("CreateReplicationSet", input, () => createReplicationSet(this.ctx, input));
  }

  createResponsePlan(input: I.CreateResponsePlanCommandInput): Promise<Out<I.CreateResponsePlanCommandOutput>> {
    return this.run("CreateResponsePlan", input, () => createResponsePlan(this.ctx, input));
  }

  createTimelineEvent(input: I.CreateTimelineEventCommandInput): Promise<Out<I.CreateTimelineEventCommandOutput>> {
    return this.run("CreateTimelineEvent", input, () => createTimelineEvent(this.ctx, input));
  }

  deleteIncidentRecord(input: I.DeleteIncidentRecordCommandInput): Promise<Out<I.DeleteIncidentRecordCommandOutput>> {
    return this.run("DeleteIncidentRecord", input, () => deleteIncidentRecord(this.ctx, input));
  }

  deleteReplicationSet(input: I.DeleteReplicationSetCommandInput): Promise<Out<I.DeleteReplicationSetCommandOutput>> {
    return this.run("DeleteReplicationSet", input, () => deleteReplicationSet(this.ctx, input));
  }

  deleteResourcePolicy(input: I.DeleteResourcePolicyCommandInput): Promise<Out<I.DeleteResourcePolicyCommandOutput>> {
    return this.run("DeleteResourcePolicy", input, () => deleteResourcePolicy(this.ctx, input));
  }

  deleteResponsePlan(input: I.DeleteResponsePlanCommandInput): Promise<Out<I.DeleteResponsePlanCommandOutput>> {
    return this.run("DeleteResponsePlan", input, () => deleteResponsePlan(this.ctx, input));
  }

  deleteTimelineEvent(input: I.DeleteTimelineEventCommandInput): Promise<Out<I.DeleteTimelineEventCommandOutput>> {
    return this.run("DeleteTimelineEvent", input, () => deleteTimelineEvent(this.ctx, input));
  }

  getIncidentRecord(input: I.GetIncidentRecordCommandInput): Promise<Out<I.GetIncidentRecordCommandOutput>> {
    return this.run("GetIncidentRecord", input, () => getIncidentRecord(this.ctx, input));
  }

  getReplicationSet(input: I.GetReplicationSetCommandInput): Promise<Out<I.GetReplicationSetCommandOutput>> {
    return this.run("GetReplicationSet", input, () => getReplicationSet(this.ctx, input));
  }

  getResourcePolicies(input: I.GetResourcePoliciesCommandInput): Promise<Out<I.GetResourcePoliciesCommandOutput>> {
    return this.run("GetResourcePolicies", input, () => getResourcePolicies(this.ctx, input));
  }

  getResponsePlan(input: I.GetResponsePlanCommandInput): Promise<Out<I.GetResponsePlanCommandOutput>> {
    return this.run("GetResponsePlan", input, () => getResponsePlan(this.ctx, input));
  }

  getTimelineEvent(input: I.GetTimelineEventCommandInput): Promise<Out<I.GetTimelineEventCommandOutput>> {
    return this.run("GetTimelineEvent", input, () => getTimelineEvent(this.ctx, input));
  }

  listIncidentFindings(input: I.ListIncidentFindingsCommandInput): Promise<Out<I.ListIncidentFindingsCommandOutput>> {
    return this.run("ListIncidentFindings", input, () => listIncidentFindings(this.ctx, input));
  }

  listIncidentRecords(input: I.ListIncidentRecordsCommandInput): Promise<Out<I.ListIncidentRecordsCommandOutput>> {
    return this.run("ListIncidentRecords", input, () => listIncidentRecords(this.ctx, input));
  }

  listRelatedItems(input: I.ListRelatedItemsCommandInput): Promise<Out<I.ListRelatedItemsCommandOutput>> {
    return this.run("ListRelatedItems", input, () => listRelatedItems(this.ctx, input));
  }

  listReplicationSets(input: I.ListReplicationSetsCommandInput): Promise<Out<I.ListReplicationSetsCommandOutput>> {
    return this.run("ListReplicationSets", input, () => listReplicationSets(this.ctx, input));
  }

  listResponsePlans(input: I.ListResponsePlansCommandInput): Promise<Out<I.ListResponsePlansCommandOutput>> {
    return this.run("ListResponsePlans", input, () => listResponsePlans(this.ctx, input));
  }

  listTagsForResource(input: I.ListTagsForResourceCommandInput): Promise<Out<I.ListTagsForResourceCommandOutput>> {
    return this.run("ListTagsForResource", input, () => listTagsForResource(this.ctx, input));
  }

  listTimelineEvents(input: I.ListTimelineEventsCommandInput): Promise<Out<I.ListTimelineEventsCommandOutput>> {
    return this.run("ListTimelineEvents", input, () => listTimelineEvents(this.ctx, input));
  }

  putResourcePolicy(input: I.PutResourcePolicyCommandInput): Promise<Out<I.PutResourcePolicyCommandOutput>> {
    return this.run("PutResourcePolicy", input, () => putResourcePolicy(this.ctx, input));
  }

  startIncident(input: I.StartIncidentCommandInput): Promise<Out<I.StartIncidentCommandOutput>> {
    return this.run("StartIncident", input, () => startIncident(this.ctx, input));
  }

  tagResource(input: I.TagResourceCommandInput): Promise<Out<I.TagResourceCommandOutput>> {
    return this.run("TagResource", input, () => tagResource(this.ctx, input));
  }

  untagResource(input: I.UntagResourceCommandInput): Promise<Out<I.UntagResourceCommandOutput>> {
    return this.run("UntagResource", input, () => untagResource(this.ctx, input));
  }

  updateDeletionProtection(input: I.UpdateDeletionProtectionCommandInput): Promise<Out<I.UpdateDeletionProtectionCommandOutput>> {
    return this.run("UpdateDeletionProtection", input, () => updateDeletionProtection(this.ctx, input));
  }

  updateIncidentRecord(input: I.UpdateIncidentRecordCommandInput): Promise<Out<I.UpdateIncidentRecordCommandOutput>> {
    return this.run("UpdateIncidentRecord", input, () => updateIncidentRecord(this.ctx, input));
  }

  updateRelatedItems(input: I.UpdateRelatedItemsCommandInput): Promise<Out<I.UpdateRelatedItemsCommandOutput>> {
    return this.run("UpdateRelatedItems", input, () => updateRelatedItems(this.ctx, input));
  }

  updateReplicationSet(input: I.UpdateReplicationSetCommandInput): Promise<Out<I.UpdateReplicationSetCommandOutput>> {
    return this.run("UpdateReplicationSet", input, () => updateReplicationSet(this.ctx, input));
  }

  updateResponsePlan(input: I.UpdateResponsePlanCommandInput): Promise<Out<I.UpdateResponsePlanCommandOutput>> {
    return this.run("UpdateResponsePlan", input, () => updateResponsePlan(this.ctx, input));
  }

  updateTimelineEvent(input: I.UpdateTimelineEventCommandInput): Promise<Out<I.UpdateTimelineEventCommandOutput>> {
    return this.run("UpdateTimelineEvent", input, () => updateTimelineEvent(this.ctx, input));
  }
}
