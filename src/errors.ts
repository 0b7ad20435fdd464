/**
 * A mistake the user can fix (a bad option, a missing permission, an unknown story). The router shows its
 * message as an ephemeral reply; anything else thrown is treated as a bug, logged with its stack and answered
 * with a generic apology, so no stack or SQL ever reaches a user.
 */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}
