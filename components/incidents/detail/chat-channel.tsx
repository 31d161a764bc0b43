/** The incident's chat channel: the AWS Chatbot SNS topics it posts to, by topic name. */
export function ChatChannel({ topics }: { topics: string[] }) {
  if (topics.length === 0) return <span className="text-muted">None</span>;
  return (
    <span className="break-all">
      {topics.map((arn, i) => (
        <span key={arn} title={arn}>
          {i > 0 ? ", " : null}
          {arn.split(":").pop()}
        </span>
      ))}
    </span>
  );
}
