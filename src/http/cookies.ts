// The session cookie: HttpOnly, SameSite=Lax, and Secure with the __Host- prefix whenever served over HTTPS.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';

export function isSecureRequest(req: FastifyRequest, config: Config): boolean {
  return req.protocol === 'https' || (config.publicUrl?.startsWith('https:') ?? false);
}

export function isLoopback(ip: string | undefined): boolean {
  if (!ip) return false;
  return ip === '::1' || ip.startsWith('127.') || ip.startsWith('::ffff:127.');
}

export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-ttdn_session' : 'ttdn_session';
}

export function readSessionCookie(req: FastifyRequest, config: Config): string | undefined {
  return req.cookies[sessionCookieName(isSecureRequest(req, config))];
}

export function setSessionCookie(reply: FastifyReply, req: FastifyRequest, config: Config, token: string, maxAgeSeconds: number) {
  const secure = isSecureRequest(req, config);
  reply.setCookie(sessionCookieName(secure), token, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: maxAgeSeconds });
}

export function clearSessionCookie(reply: FastifyReply, req: FastifyRequest, config: Config) {
  const secure = isSecureRequest(req, config);
  reply.clearCookie(sessionCookieName(secure), { path: '/', httpOnly: true, sameSite: 'lax', secure });
}
