package dev.mcd.cli;

public final class Main {
    public static void main(String[] args) {
        System.out.println("mcd " + Runtime.version());
    }
}
