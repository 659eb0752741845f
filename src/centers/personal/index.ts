/**
 * 个人服务中心 personal service center (internet zone): the insured person's own information,
 * enrollments, applications and, through the collection center, account and contributions. It owns
 * no tables and publishes no events. Other centers' person-facing routes (my bills, my orders, my
 * voucher) find the signed-in person here.
 */

/** The registry person behind a person account (by the identity number it registered with), or null. */
export { personOfAccount } from './service.js';
