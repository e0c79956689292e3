-- The mail kept so far holds live links in plain text and belongs to no browser: it goes.
DELETE FROM "MailMessage";

-- DropIndex
DROP INDEX "MailMessage_to_createdAt_idx";

-- AlterTable
ALTER TABLE "MailMessage" DROP COLUMN "html",
DROP COLUMN "text",
ADD COLUMN     "mailboxId" TEXT NOT NULL,
ADD COLUMN     "sealedBody" TEXT NOT NULL;

-- CreateIndex
CREATE INDEX "MailMessage_mailboxId_createdAt_idx" ON "MailMessage"("mailboxId", "createdAt");
