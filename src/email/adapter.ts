import type { EmailAdapter } from 'payload'

import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import nodemailer from 'nodemailer'

import type { EmailEnv } from '@/lib/env'

import { consoleTransport } from './consoleTransport'

/**
 * Payload's email through its nodemailer adapter: the SMTP server from the environment, or the
 * console when there is none. The transport is not verified at start-up: that would hold up
 * every start (and `next build`) on a slow mail server; a failed send is logged where it happens.
 */
export function emailAdapter({ from, smtp }: EmailEnv): Promise<EmailAdapter> {
  const transport = smtp
    ? nodemailer.createTransport({
        host: smtp.host,
        port: smtp.port,
        secure: smtp.secure,
        auth: smtp.auth ?? undefined,
        // A mail server that stops answering must not keep notifications pending for minutes.
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 30_000,
      })
    : nodemailer.createTransport(consoleTransport)
  return nodemailerAdapter({ defaultFromAddress: from.address, defaultFromName: from.name, transport, skipVerify: true })
}
