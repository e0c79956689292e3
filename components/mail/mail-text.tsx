// A mail's plain text with its links clickable. The HTML part is not rendered: it came from whatever the app put in
// a mail, and showing text keeps the mailbox page free of anyone's markup.
const LINK = /(https?:\/\/[^\s<>"]+)/g;

export function MailText({ text }: { text: string }) {
  const parts = text.split(LINK);
  return (
    <p className="text-sm leading-6 break-words whitespace-pre-wrap text-slate-800">
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          <a key={index} href={part} className="text-brand-800 font-semibold underline">
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </p>
  );
}
