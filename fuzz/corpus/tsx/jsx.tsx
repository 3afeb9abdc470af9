const el = <div onClick={() => go(1)}>{items.map(i => <A key={i} />)}</div>;
