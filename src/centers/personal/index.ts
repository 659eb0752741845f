/**
 * 个人服务中心 personal service center (internet zone): the insured person's own information,
 * enrollments, applications and, through the collection center, account and contributions. It owns
 * no tables and publishes no events.
 */

/**
 * The registry person behind a person account (by the identity number it registered with), or null.
 * The platform wires the actor's person lookup to it (kept per session): routes ask
 * `actor.personId()` / `actor.requirePersonId()`, not this.
 */
export { personOfAccount } from './service.js';
