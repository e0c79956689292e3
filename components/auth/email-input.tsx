import { Input, type InputProps } from '@/components/ui/input';

/** The email field of every auth form: one name, type, label and autofill hint. */
export function EmailInput(props: Omit<InputProps, 'name' | 'type' | 'label' | 'autoComplete' | 'required'>) {
  return <Input name="email" type="email" label="Email" autoComplete="email" required {...props} />;
}
