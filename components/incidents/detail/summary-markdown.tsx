import Markdown, { type Components } from "react-markdown";

// Styles for the few elements a summary uses; the console has no typography plugin. `node` (the
// syntax tree node react-markdown passes along) is not an HTML attribute: it is left out.
const components: Components = {
  h1: ({ node: _node, ...p }) => <h3 className="mt-3 mb-1 text-lg font-bold" {...p} />,
  h2: ({ node: _node, ...p }) => <h3 className="mt-3 mb-1 text-lg font-bold" {...p} />,
  h3: ({ node: _node, ...p }) => <h4 className="mt-3 mb-1 font-bold" {...p} />,
  p: ({ node: _node, ...p }) => <p className="my-2 break-words" {...p} />,
  ul: ({ node: _node, ...p }) => <ul className="my-2 list-disc pl-6" {...p} />,
  ol: ({ node: _node, ...p }) => <ol className="my-2 list-decimal pl-6" {...p} />,
  a: ({ href, children }) => (
    <a href={href} className="text-link hover:underline" rel="noopener noreferrer nofollow" target="_blank">
      {children}
    </a>
  ),
  code: ({ node: _node, ...p }) => <code className="rounded bg-[#f4f4f4] px-1 font-mono text-sm" {...p} />,
  pre: ({ node: _node, ...p }) => <pre className="my-2 overflow-x-auto rounded bg-[#f4f4f4] p-3" {...p} />,
  blockquote: ({ node: _node, ...p }) => <blockquote className="my-2 border-l-4 border-line-strong pl-3 text-muted" {...p} />,
};

/** Where a block of raw HTML stood in a container of blocks, its text becomes a paragraph. */
const BLOCK_PARENTS = new Set(["root", "blockquote", "listItem", "footnoteDefinition"]);

/** The part of an mdast node this plugin reads (the `mdast` types are a types-only package). */
type MdNode = { type: string; value?: string; children?: MdNode[]; position?: unknown };

function htmlToText(parent: MdNode) {
  if (!parent.children) return;
  parent.children = parent.children.map((child) => {
    if (child.type === "html") {
      const text = { type: "text", value: child.value, position: child.position };
      return BLOCK_PARENTS.has(parent.type) ? { type: "paragraph", children: [text], position: child.position } : text;
    }
    htmlToText(child);
    return child;
  });
}

/**
 * Raw HTML in a summary is shown as the text it is. Dropping it (react-markdown's skipHtml) blanked
 * a summary that starts with an HTML line: CommonMark's HTML block runs on to the next blank line,
 * so the lines after `<script>` went with it.
 */
function remarkHtmlAsText() {
  return (tree: MdNode) => htmlToText(tree);
}

const remarkPlugins = [remarkHtmlAsText];

/**
 * A summary (an incident's, or a response plan's template) as Markdown. react-markdown builds React
 * elements (no innerHTML); raw HTML in the text is shown as text, never as markup, and its default
 * urlTransform neutralises javascript: links, so a summary can't run script.
 */
export function SummaryMarkdown({ text }: { text: string }) {
  return (
    <div className="summary-markdown">
      <Markdown remarkPlugins={remarkPlugins} components={components}>
        {text}
      </Markdown>
    </div>
  );
}
