/*
 * discord-api-spec ships its zod build as plain JavaScript (its package.json points the types of
 * `discord-api-spec/zod` at the .js file), so TypeScript sees no declarations. These are the few schemas
 * the loopback Discord validates request bodies with, typed just as far as it uses them.
 */
declare module 'discord-api-spec/zod' {
  /** One zod issue as the spec's schemas report it; the loopback turns it into Discord's error shape. */
  export interface SpecIssue {
    code: string;
    path: PropertyKey[];
    message: string;
    maximum?: number | bigint;
    minimum?: number | bigint;
    origin?: string;
    expected?: string;
    format?: string;
    values?: unknown[];
    errors?: SpecIssue[][];
  }
  type SpecResult = { success: true; data: unknown } | { success: false; error: { issues: SpecIssue[] } };
  interface SpecSchema {
    safeParse(data: unknown): SpecResult;
  }
  export const MessageCreateRequestSchema: SpecSchema;
  export const MessageEditRequestPartialSchema: SpecSchema;
  export const CreateMessageInteractionCallbackRequestSchema: SpecSchema;
  export const UpdateMessageInteractionCallbackRequestSchema: SpecSchema;
  export const ApplicationCommandAutocompleteCallbackRequestSchema: SpecSchema;
  export const ModalInteractionCallbackRequestSchema: SpecSchema;
  export const IncomingWebhookRequestPartialSchema: SpecSchema;
  export const IncomingWebhookUpdateRequestPartialSchema: SpecSchema;
  export const ApplicationCommandUpdateRequestSchema: SpecSchema;
  export const ApplicationCommandCreateRequestSchema: SpecSchema;
  export const ApplicationCommandPatchRequestPartialSchema: SpecSchema;
}
