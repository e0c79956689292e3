import NextAuth from 'next-auth';
import { labAuthOptions } from '@/lib/lab/next-auth-options';

// next-auth v4 for the JWT lab, under its own base path (/api/lab/auth) and cookie names.
const handler = NextAuth(labAuthOptions);

export { handler as GET, handler as POST };
