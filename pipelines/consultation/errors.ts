/**
 * An error a caller can act on: `not_found` (no such meeting/item/decision), `invalid_state` (the
 * meeting's status does not allow the operation), `invalid_input` (the input failed validation).
 * The HTTP layer maps them to 404, 409 and 400; the message is meant for the user as it is.
 */
export class ConsultationError extends Error {
  constructor(
    readonly code: 'not_found' | 'invalid_state' | 'invalid_input',
    message: string,
  ) {
    super(message);
    this.name = 'ConsultationError';
  }
}
