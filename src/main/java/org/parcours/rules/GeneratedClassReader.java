package org.parcours.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.ConstantDynamic;
import org.springframework.asm.FieldVisitor;
import org.springframework.asm.Handle;
import org.springframework.asm.Label;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;
import org.springframework.asm.Type;

/**
 * What {@link RuleBytecodeCheck} needs to know of one generated class, read with ASM: its superclass,
 * and for each method what it uses outside itself, whether it jumps backwards (a loop), which
 * generated code it calls and, for the engine's rule-definition methods, which rule they define.
 */
final class GeneratedClassReader {

	/** The rule DSL call that opens a rule definition: {@code D.rule(package, name)}. */
	private static final String RULE_DSL = "org/drools/modelcompiler/dsl/pattern/D";

	private GeneratedClassReader() {
	}

	/** One use of something outside the method: a call, a field, a class literal, an invokedynamic. */
	record Use(Kind kind, String owner, String name, String descriptor) {

		enum Kind {
			METHOD, FIELD, TYPE, INDY
		}
	}

	static final class GeneratedMethod {

		final int access;

		final String name;

		final String descriptor;

		final List<Use> uses = new ArrayList<>();

		/** Classes this method names; the generated ones among them are the lambdas of a rule definition. */
		final Set<String> generatedTypes = new LinkedHashSet<>();

		/** Methods this method calls or makes lambdas of ({@code owner.nameDescriptor}); only generated ones matter. */
		final Set<String> generatedCalls = new LinkedHashSet<>();

		boolean loops;

		/** The rule this method defines, for the engine's rule-definition methods. */
		String rule;

		GeneratedMethod(int access, String name, String descriptor) {
			this.access = access;
			this.name = name;
			this.descriptor = descriptor;
		}
	}

	static final class GeneratedClass {

		String superName;

		final List<GeneratedMethod> methods = new ArrayList<>();

		final Set<String> fields = new LinkedHashSet<>();

		boolean declares(String name, String descriptor) {
			return fields.contains(name) || methods.stream().anyMatch(m -> m.name.equals(name) && m.descriptor.equals(descriptor));
		}

		static GeneratedClass read(byte[] bytes) {
			GeneratedClass type = new GeneratedClass();
			new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {

				@Override
				public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
					type.superName = superName == null ? "java/lang/Object" : superName;
				}

				@Override
				public FieldVisitor visitField(int access, String name, String descriptor, String signature,
						Object value) {
					type.fields.add(name);
					return null;
				}

				@Override
				public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
					GeneratedMethod method = new GeneratedMethod(access, name, descriptor);
					type.methods.add(method);
					return new MethodReader(method);
				}
			}, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
			return type;
		}
	}

	/** Collects what one method uses, whether it jumps backwards, and which rule it defines. */
	private static final class MethodReader extends MethodVisitor {

		private final GeneratedMethod method;

		private final Set<Label> passed = new HashSet<>();

		private String lastString;

		MethodReader(GeneratedMethod method) {
			super(Opcodes.ASM9);
			this.method = method;
		}

		@Override
		public void visitLabel(Label label) {
			passed.add(label);
		}

		@Override
		public void visitJumpInsn(int opcode, Label label) {
			backwardsTo(label);
		}

		@Override
		public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
			backwardsTo(dflt);
			Arrays.stream(labels).forEach(this::backwardsTo);
		}

		@Override
		public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
			backwardsTo(dflt);
			Arrays.stream(labels).forEach(this::backwardsTo);
		}

		private void backwardsTo(Label label) {
			if (passed.contains(label)) {
				method.loops = true;
			}
		}

		@Override
		public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
			method.uses.add(new Use(Use.Kind.METHOD, owner, name, descriptor));
			method.generatedCalls.add(owner + "." + name + descriptor);
			method.generatedTypes.add(owner);
			if (owner.equals(RULE_DSL) && name.equals("rule") && lastString != null) {
				method.rule = lastString;
			}
		}

		@Override
		public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
			method.uses.add(new Use(Use.Kind.FIELD, owner, name, descriptor));
			method.generatedTypes.add(owner);
		}

		@Override
		public void visitLdcInsn(Object value) {
			if (value instanceof String text) {
				lastString = text;
			}
			else if (value instanceof Type type && type.getSort() == Type.OBJECT) {
				method.uses.add(new Use(Use.Kind.TYPE, type.getInternalName(), "", ""));
				method.generatedTypes.add(type.getInternalName());
			}
			else if (value instanceof Type type && type.getSort() == Type.ARRAY && type.getElementType().getSort() == Type.OBJECT) {
				method.uses.add(new Use(Use.Kind.TYPE, type.getElementType().getInternalName(), "", ""));
			}
			else if (value instanceof Handle handle) {
				handle(handle);
			}
			else if (value instanceof ConstantDynamic constant) {
				method.uses.add(new Use(Use.Kind.INDY, constant.getBootstrapMethod().getOwner(), constant.getBootstrapMethod().getName(), ""));
			}
		}

		@Override
		public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
			method.uses.add(new Use(Use.Kind.INDY, bootstrap.getOwner(), bootstrap.getName(), bootstrap.getDesc()));
			for (Object argument : arguments) {
				if (argument instanceof Handle handle) {
					handle(handle);
				}
				else if (argument instanceof Type type && type.getSort() == Type.OBJECT) {
					method.uses.add(new Use(Use.Kind.TYPE, type.getInternalName(), "", ""));
				}
			}
		}

		/** A method handle constant or lambda target: checked like a call to what it points at. */
		private void handle(Handle handle) {
			boolean field = handle.getTag() <= Opcodes.H_PUTSTATIC;
			method.uses.add(new Use(field ? Use.Kind.FIELD : Use.Kind.METHOD, handle.getOwner(), handle.getName(), handle.getDesc()));
			method.generatedCalls.add(handle.getOwner() + "." + handle.getName() + handle.getDesc());
		}
	}
}
