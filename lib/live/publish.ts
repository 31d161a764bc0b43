// Wraps a pair of services so that every operation that changed something publishes a live event
// once it succeeded: console actions, the AWS-compatible endpoints and anything else that goes
// through the contract all reach the consoles' streams the same way. Generic over the services'
// type, so the bus (ground floor) knows nothing of the contract above it.
import type { LiveBus } from "./bus";
import { arnOf, isMutation, type LiveService } from "./events";

function publishing<T extends object>(service: T, name: LiveService, bus: LiveBus): T {
  return new Proxy(service, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== "function" || typeof property !== "string") return value;
      const operation = property.charAt(0).toUpperCase() + property.slice(1);
      // Bound to the service itself, so its own helpers (this.run…) never come back through here.
      if (!isMutation(operation)) return value.bind(target);
      return async (input: unknown) => {
        const output = await (value as (i: unknown) => Promise<unknown>).call(target, input);
        bus.publish({ service: name, operation, arn: arnOf(input, output), at: Date.now() });
        return output;
      };
    },
  });
}

export function withLiveEvents<S extends { incidents: object; contacts: object }>(services: S, bus: LiveBus): S {
  return { ...services, incidents: publishing(services.incidents, "ssm-incidents", bus), contacts: publishing(services.contacts, "ssm-contacts", bus) };
}
