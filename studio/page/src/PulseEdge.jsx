// A wire; pulse wires are white, data wires take their type's colour. When `data.pulse` changes a
// dot travels along the wire once (the live pulses, throttled to one per batch and wire).
import { BaseEdge, getBezierPath } from '@xyflow/react';

export default function PulseEdge({ id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected }) {
  const [path] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const colour = data.colour;
  return (
    <>
      <BaseEdge id={id} path={path} style={{ stroke: colour, strokeWidth: selected ? 3 : data.pulseType ? 2.5 : 1.8 }} />
      {data.pulse > 0 && (
        <circle key={data.pulse} r="5" fill="#fff" className="pulse-dot">
          <animateMotion dur="0.4s" repeatCount="1" path={path} fill="freeze" />
        </circle>
      )}
    </>
  );
}
