// The component gallery (decision 041): every state of every shared component, rendered from the
// components' own examples files, for developers and for the browser test that checks the page
// with axe (WCAG 2.1 AA) with and without JavaScript. Not a page of the product: in production
// (NODE_ENV=production) it answers 404 like any address that does not exist.
import type { ComponentExamples } from "../components/gallery/example.ts";
import { getServices } from "../services.ts";
import { notFound } from "../web/auth.server.ts";

// Adding `<name>.examples.tsx` to a component's folder adds it here.
const modules = import.meta.glob<{ gallery: ComponentExamples }>("../components/*/*.examples.tsx", {
  eager: true,
});

const galleries = Object.entries(modules)
  .map(([file, module]) => ({ id: file.split("/").at(-2)!, ...module.gallery }))
  .sort((a, b) => a.id.localeCompare(b.id));

export function loader() {
  if (getServices().config.env === "production") throw notFound();
  return null;
}

export default function ComponentGallery() {
  return (
    <main id="main-content" className="container main" tabIndex={-1}>
      <title>Komponenty — Busola</title>
      <h1>Komponenty</h1>
      <p>
        Każdy wspólny komponent we wszystkich swoich stanach, z plików przykładów w jego folderze (
        <code>app/components/&lt;nazwa&gt;/&lt;nazwa&gt;.examples.tsx</code>). Strona jest tylko dla
        programistów: w wersji produkcyjnej jej nie ma.
      </p>
      <nav aria-labelledby="gallery-contents">
        <h2 id="gallery-contents">Spis komponentów</h2>
        <ul>
          {galleries.map((g) => (
            <li key={g.id}>
              <a href={`#${g.id}`}>{g.name}</a>
            </li>
          ))}
        </ul>
      </nav>
      {galleries.map((g) => (
        <section key={g.id} aria-labelledby={g.id} className="gallery-component">
          <h2 id={g.id}>{g.name}</h2>
          {g.examples.map((example) => (
            <div key={example.title} className="gallery-example">
              <h3>{example.title}</h3>
              {example.render()}
            </div>
          ))}
        </section>
      ))}
    </main>
  );
}
