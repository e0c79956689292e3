-- Stock never goes below zero, whatever writes it: checkout's conditional decrement already refuses to, and this
-- makes any other writer (an admin edit, a hand-run query) fail instead of overselling. schema.prisma cannot
-- express a CHECK constraint; lib/db/migrations.test.ts lists it as one the schema does not describe.
ALTER TABLE "Product" ADD CONSTRAINT "Product_stock_not_negative" CHECK ("stock" >= 0);
