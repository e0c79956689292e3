-- AlterTable
ALTER TABLE "User" ADD COLUMN     "isLabUser" BOOLEAN NOT NULL DEFAULT false;
