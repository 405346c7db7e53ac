import type { ComponentProps, ReactNode } from 'react';

/** A list of facts (`Fact`s), a term and its value side by side. */
export function Facts(props: Omit<ComponentProps<'dl'>, 'className'>) {
  return <dl className="facts" {...props} />;
}

/** One term and its value; other props go to the value's <dd>. */
export function Fact({ term, ...detail }: { term: ReactNode } & ComponentProps<'dd'>) {
  return (
    <>
      <dt>{term}</dt>
      <dd {...detail} />
    </>
  );
}
