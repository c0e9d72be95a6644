// Buttons in the manner of GOV.UK Frontend: a green primary action, a grey secondary one and a
// red warning for actions that destroy or withdraw; a link that must look like a button; and a
// group that keeps buttons and links on one line. Forms post with <Button> (lint refuses a bare
// <button className="button">), so the look and the default `type="submit"` stay one way.
import type { ButtonHTMLAttributes, ReactNode } from "react";
import { Link } from "react-router";

export type ButtonVariant = "primary" | "secondary" | "warning";

export type ButtonProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, "className"> & {
  variant?: ButtonVariant;
  /** A smaller button, for actions repeated on every row of a table. */
  small?: boolean;
};

export function buttonClass(variant: ButtonVariant = "primary", small = false): string {
  return ["button", variant === "primary" ? "" : `button--${variant}`, small ? "button--small" : ""]
    .filter(Boolean)
    .join(" ");
}

export function Button({ variant, small, type = "submit", children, ...rest }: ButtonProps) {
  return (
    <button type={type} className={buttonClass(variant, small)} {...rest}>
      {children}
    </button>
  );
}

/** A link to a page where the next step starts ("Dodaj projekt"), drawn as a button. */
export function ButtonLink(props: { to: string; variant?: ButtonVariant; children: ReactNode }) {
  return (
    <Link className={buttonClass(props.variant)} to={props.to}>
      {props.children}
    </Link>
  );
}

export function ButtonGroup({ children }: { children: ReactNode }) {
  return <div className="button-group">{children}</div>;
}
