import { describe, expect, it } from "vitest";
import { IMPACTS, impactLabel } from "./impact";
import { shape } from "@/lib/im/model";

describe("impact levels", () => {
  it("are exactly the range the service model's Impact shape accepts", () => {
    const range = shape("ssm-incidents", "Impact");
    const fromModel = Array.from({ length: range.max! - range.min! + 1 }, (_, i) => range.min! + i);
    expect(IMPACTS).toEqual(fromModel);
  });

  it("have the console's names", () => {
    expect(IMPACTS.map(impactLabel)).toEqual(["1 Critical", "2 High", "3 Medium", "4 Low", "5 No impact"]);
  });
});
