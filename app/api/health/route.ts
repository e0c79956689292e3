import { connection } from 'next/server';
import { checkHealth } from '@/lib/health';
import { jsonAnswer } from '@/lib/http/no-store';

export async function GET(): Promise<Response> {
  // Asked live on every request: a health answer prerendered at build time would say nothing.
  await connection();
  const health = await checkHealth();
  return jsonAnswer(health, { status: health.ok ? 200 : 503 });
}
