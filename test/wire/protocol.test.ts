// What bad input gets from the wire: a 4xx with the protocol's error shape and the right name,
// never a 500 — for both protocols.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CreatedApiKey } from "@/lib/api-keys";
import { PROVIDERS } from "../support/databases";
import { rawCall, startWireFixture, type RawRequest, type WireFixture } from "./fixture";

const INCIDENTS = "/api/aws/ssm-incidents";
const CONTACTS = "/api/aws/ssm-contacts/";
const JSON_HEADERS = { "content-type": "application/json" };
const contactsHeaders = (op: string) => ({ "content-type": "application/x-amz-json-1.1", "x-amz-target": `SSMContacts.${op}` });

describe.each(PROVIDERS)("wire protocols on %s", (provider) => {
  let f: WireFixture;
  let admin: CreatedApiKey;
  let planArn: string;
  let incidentArn: string;

  beforeAll(async () => {
    f = await startWireFixture(provider);
    admin = await f.key("admin");
    const sdk = f.incidents(admin);
    await sdk.createReplicationSet({ regions: { "us-east-1": {} } });
    planArn = (await sdk.createResponsePlan({ name: "plan", incidentTemplate: { title: "T", impact: 3 } })).arn!;
    incidentArn = (await sdk.startIncident({ responsePlanArn: planArn })).incidentRecordArn!;
  });
  afterAll(async () => {
    // No request in this file may have reached the "unexpected failure" path.
    expect(f.errors).toEqual([]);
    await f.close();
  });

  const call = (r: Omit<RawRequest, "credentials">) => rawCall(f.host.origin, { credentials: admin, ...r });
  const incidents = (op: string, body: string) => call({ path: `${INCIDENTS}/${op}`, body, headers: JSON_HEADERS });
  const contacts = (op: string, body: string) => call({ path: CONTACTS, body, headers: contactsHeaders(op), service: "ssm-contacts" });

  describe("restJson1 (ssm-incidents)", () => {
    it("answers malformed JSON with SerializationException", async () => {
      for (const body of ["{", "[1,2]", "null", '"text"', "{\"title\": }"]) {
        const res = await incidents("startIncident", body);
        expect(res.status).toBe(400);
        expect(res.headers.get("x-amzn-errortype")).toBe("SerializationException");
        expect(typeof res.json?.message).toBe("string");
      }
    });

    it("names the member whose JSON type is wrong", async () => {
      const res = await incidents("startIncident", JSON.stringify({ responsePlanArn: planArn, impact: "high" }));
      expect(res.status).toBe(400);
      expect(res.headers.get("x-amzn-errortype")).toBe("ValidationException");
      expect(res.json?.message).toContain("'impact'");
      expect(res.json?.message).toContain("integer");
    });

    it("names nested members too (lists, unions, timestamps)", async () => {
      const res = await incidents(
        "listIncidentRecords",
        JSON.stringify({ filters: [{ key: "creationTime", condition: { before: "yesterday" } }] }),
      );
      expect(res.status).toBe(400);
      expect(res.json?.message).toContain("'filters[0].condition.before'");
      const res2 = await incidents("startIncident", JSON.stringify({ responsePlanArn: planArn, relatedItems: "x" }));
      expect(res2.json?.message).toContain("'relatedItems'");
      const res3 = await incidents("createResponsePlan", JSON.stringify({ name: "p2", incidentTemplate: { title: "T", impact: 3, incidentTags: { a: 1 } } }));
      expect(res3.json?.message).toContain("'incidentTemplate.incidentTags.a'");
    });

    it("accepts timestamps as epoch seconds with fractions or ISO 8601 strings", async () => {
      for (const before of [Date.now() / 1000 + 60, new Date(Date.now() + 60_000).toISOString()]) {
        const res = await incidents("listIncidentRecords", JSON.stringify({ filters: [{ key: "creationTime", condition: { before } }] }));
        expect(res.status).toBe(200);
        expect((res.json?.incidentRecordSummaries as unknown[]).length).toBe(1);
      }
    });

    it("answers with timestamps as epoch-second numbers", async () => {
      const res = await call({ method: "GET", path: `${INCIDENTS}/getIncidentRecord?arn=${encodeURIComponent(incidentArn)}` });
      expect(res.status).toBe(200);
      const rec = res.json?.incidentRecord as Record<string, unknown>;
      expect(typeof rec.creationTime).toBe("number");
      expect(Math.abs((rec.creationTime as number) - Date.now() / 1000)).toBeLessThan(120);
    });

    it("answers 204 with an empty body where the model says so", async () => {
      const res = await incidents("updateIncidentRecord", JSON.stringify({ arn: incidentArn, title: "Renamed" }));
      expect(res.status).toBe(204);
      expect(res.text).toBe("");
    });

    it("answers unknown paths and methods with UnknownOperationException", async () => {
      for (const r of [
        { path: `${INCIDENTS}/noSuchOperation`, body: "{}" },
        { path: `${INCIDENTS}/startIncident`, method: "GET" },
        { path: `${INCIDENTS}/tags`, method: "GET" },
        { path: `${INCIDENTS}/tags/a/b`, method: "GET" },
      ]) {
        const res = await call(r);
        expect(res.status).toBe(404);
        expect(res.headers.get("x-amzn-errortype")).toBe("UnknownOperationException");
      }
    });

    it("answers bad percent-encoding with a 400", async () => {
      const res = await call({ method: "GET", path: `${INCIDENTS}/tags/arn%E0%A4%A` });
      expect(res.status).toBe(400);
      // The query is read before the signature is checked (the signer needs it decoded), so even an
      // unsigned request with a broken query gets a 400 rather than a 403.
      const res2 = await rawCall(f.host.origin, { method: "GET", path: `${INCIDENTS}/getIncidentRecord?arn=%E0%A4%A` });
      expect(res2.status).toBe(400);
      expect(res2.headers.get("x-amzn-errortype")).toBe("SerializationException");
    });

    it("refuses bodies past the size limit", async () => {
      const res = await incidents("startIncident", JSON.stringify({ title: "x".repeat(2 * 1024 * 1024) }));
      expect(res.status).toBe(413);
    });

    it("ignores members the model does not know", async () => {
      const res = await incidents("listIncidentRecords", JSON.stringify({ maxResults: 5, bogus: { deep: [1, 2] } }));
      expect(res.status).toBe(200);
    });
  });

  describe("awsJson1_1 (ssm-contacts)", () => {
    it("answers an unknown or missing X-Amz-Target with UnknownOperationException", async () => {
      const res = await contacts("NoSuchThing", "{}");
      expect(res.status).toBe(400);
      expect(res.json?.__type).toBe("UnknownOperationException");
      const res2 = await call({ path: CONTACTS, body: "{}", headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": "Other.ListContacts" }, service: "ssm-contacts" });
      expect(res2.json?.__type).toBe("UnknownOperationException");
      const res3 = await call({ path: CONTACTS, body: "{}", headers: { "content-type": "application/x-amz-json-1.1" }, service: "ssm-contacts" });
      expect(res3.json?.__type).toBe("UnknownOperationException");
    });

    it("answers malformed JSON with ValidationException, Reason CANNOT_PARSE", async () => {
      const res = await contacts("ListContacts", "{nope");
      expect(res.status).toBe(400);
      expect(res.json).toMatchObject({ __type: "ValidationException", Reason: "CANNOT_PARSE" });
      expect(res.json?.Message).toBe(res.json?.message);
    });

    it("names wrongly typed members in ValidationException Fields", async () => {
      const res = await contacts("CreateContact", JSON.stringify({ Alias: 5, Type: "PERSONAL", Plan: { Stages: "x" } }));
      expect(res.status).toBe(400);
      expect(res.json?.__type).toBe("ValidationException");
      expect(res.json?.Reason).toBe("FIELD_VALIDATION_FAILED");
      expect((res.json?.Fields as { Name: string }[]).map((x) => x.Name)).toEqual(["Alias", "Plan.Stages"]);
    });

    it("is reachable with and without the trailing slash, and nowhere deeper", async () => {
      const bare = await call({ path: "/api/aws/ssm-contacts", body: "{}", headers: contactsHeaders("ListContacts"), service: "ssm-contacts" });
      expect(bare.status).toBe(200);
      expect(bare.json?.Contacts).toBeInstanceOf(Array);
      const slash = await contacts("ListContacts", "{}");
      expect(slash.status).toBe(200);
      expect(slash.json?.Contacts).toBeInstanceOf(Array);
      const deeper = await call({ path: "/api/aws/ssm-contacts/x", body: "{}", headers: contactsHeaders("ListContacts"), service: "ssm-contacts" });
      expect(deeper.status).toBe(400);
      expect(deeper.json?.__type).toBe("UnknownOperationException");
    });

    it("takes only POST", async () => {
      const res = await call({ method: "GET", path: CONTACTS, headers: contactsHeaders("ListContacts"), service: "ssm-contacts" });
      expect(res.status).toBe(400);
      expect(res.json?.__type).toBe("UnknownOperationException");
    });
  });
});
