/**
 * 个人服务中心 personal service center (internet zone): the insured person's own information,
 * enrollments, applications and, through the collection center, account and contributions. It owns
 * no tables and publishes no events; other centers have nothing to call here.
 */
export { personalCenter } from './routes.js';
