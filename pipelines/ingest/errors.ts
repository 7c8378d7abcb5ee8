/** A file that cannot be imported at all; the message is for the user as it is. */
export class ImportError extends Error {}
