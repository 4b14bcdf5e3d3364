/** A select of things with an id and a name (people, services, schedules), with an empty first choice. */
export function NamedSelect({
  id,
  value,
  onChange,
  options,
  empty,
  disabled,
}: {
  id: string;
  value: string;
  onChange: (id: string) => void;
  options: readonly { id: string; name: string }[] | undefined;
  /** The label of the "" choice. */
  empty: string;
  disabled?: boolean;
}) {
  return (
    <select id={id} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)}>
      <option value="">{empty}</option>
      {options?.map((o) => (
        <option key={o.id} value={o.id}>
          {o.name}
        </option>
      ))}
    </select>
  );
}
