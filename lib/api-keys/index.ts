// API access keys for the AWS-compatible endpoints (DESIGN.md, "The AWS-compatible endpoints").
export type { ApiKeySummary } from "./api-key";
export { createApiKey, type CreateApiKeyInput, type CreatedApiKey } from "./create-api-key";
export { listApiKeys, type ListApiKeysOptions } from "./list-api-keys";
export { revokeApiKey, type RevokeApiKeyOptions } from "./revoke-api-key";
export { touchLastUsed } from "./touch-last-used";
export {
  BOOTSTRAP_KEY_NAME,
  bootstrapKey,
  dbKeyStore,
  type ApiKeyCredential,
  type BootstrapKey,
  type KeyStore,
  type SigningSecret,
} from "./key-store";
export { signingKeyHash } from "./secrets";
