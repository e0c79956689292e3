import 'server-only';
import { deviceIp } from '@/lib/http/client-ip';
import type { CurrentSession } from '@/lib/session';
import type { Actor } from './changes';

/** The admin behind a request, as the audit log records them: the address is the one the device list shows. */
export function actorOf(current: CurrentSession, headers: Headers): Actor {
  return { id: current.user.id, ip: deviceIp(headers) };
}
